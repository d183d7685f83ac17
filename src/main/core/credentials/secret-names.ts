// The secrets the app knows, named as the seed's environment variables. A fixed list, so a typo or
// an arbitrary key arriving through the API can never create keychain entries or file keys.

export const SECRET_NAMES = [
  'SECRET_KEY',
  'OPENAI_API_KEY',
  'GOOGLE_API_KEY',
  'MAIL_PASSWORD',
  'ZOOM_ACCOUNT_ID',
  'ZOOM_CLIENT_ID',
  'ZOOM_CLIENT_SECRET',
  'ZOOM_WEBHOOK_SECRET_TOKEN',
  'GOOGLE_SERVICE_ACCOUNT_INFO',
  'SYNC_TOKEN',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];

export function isSecretName(name: string): name is SecretName {
  return (SECRET_NAMES as readonly string[]).includes(name);
}
