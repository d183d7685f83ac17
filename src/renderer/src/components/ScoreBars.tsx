// Scores 0–100 as labelled bars: a native <meter> each, so assistive technology reads "Technical 82".
import { useId } from 'react';

export interface ScoreBarsProps {
  scores: readonly { label: string; value: number }[];
  label: string;
}

export function ScoreBars({ scores, label }: ScoreBarsProps) {
  const id = useId();
  return (
    <ul className="score-bars" aria-label={label}>
      {scores.map((score) => (
        <li key={score.label} className="score-row">
          <span id={`${id}-${score.label}`}>{score.label}</span>
          <meter min={0} max={100} low={50} high={75} optimum={100} value={score.value} aria-labelledby={`${id}-${score.label}`} />
          <span className="score-value">{Math.round(score.value)}</span>
        </li>
      ))}
    </ul>
  );
}
