// The RxDB plugins the app uses. RxDB plugins are process-wide and cannot be removed, so they are
// added here, in one place; adding them again is a no-op.
import { addRxPlugin, overwritable } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';

export function registerRxPlugins({ devMode }: { devMode: boolean }): void {
  addRxPlugin(RxDBMigrationSchemaPlugin);
  addRxPlugin(RxDBAttachmentsPlugin);
  if (devMode) {
    // The warning only advertises; dev-mode being on is logged by the database module instead.
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
  }
}

/**
 * Whether dev-mode is on in this process. Once any database turned it on it stays on, and dev-mode
 * then insists that every database validates its writes.
 */
export function isRxDevModeActive(): boolean {
  return overwritable.isDevMode();
}
