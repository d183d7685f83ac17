// Child process for device-id.test.ts: prints the device id of the data folder given as argument.
import { getOrCreateDeviceId } from '../../../src/main/core/db/device-id.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: device-id.child.ts <appDataDir>');
process.stdout.write(getOrCreateDeviceId(dir));
