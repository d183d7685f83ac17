// The frame of every screen: its heading, the document title, and the data-screen tag the
// end-to-end suite finds it by. Focus moves to the heading when the screen changes, so keyboard
// and screen-reader users start at the top of the new screen.
import { useEffect, useRef, type ReactNode } from 'react';

export const APP_NAME = 'Recruiting Desk';

export function Screen({ name, title, actions, children }: { name: string; title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [name]);
  return (
    <section className="screen" data-screen={name} aria-labelledby={`screen-title-${name}`}>
      <header className="screen-header">
        <h1 id={`screen-title-${name}`} ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="screen-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
