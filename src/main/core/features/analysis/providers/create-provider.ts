// Builds a provider by name; the analysis service wires base URLs, models, keys and time-outs from config.
import { createGeminiProvider } from './gemini.js';
import { createOllamaProvider } from './ollama.js';
import { createOpenAiProvider } from './openai.js';
import type { LlmProvider, LlmProviderName, ProviderOptions } from './provider.js';

export function createProvider(name: LlmProviderName, options: ProviderOptions): LlmProvider {
  switch (name) {
    case 'gemini':
      return createGeminiProvider(options);
    case 'openai':
      return createOpenAiProvider(options);
    case 'ollama':
      return createOllamaProvider(options);
  }
}
