/**
 * The libraries under test: their real server, the page code a user would
 * write (default options, then one non-default configuration), and the delay
 * model read from their source (models.ts). Each group lives in its own file;
 * this record is typed by every library id, so one left out fails to compile.
 */
import type { LibraryId } from './library-ids';
import type { Library } from './library-types';
import { CLASSIC_LIBRARIES } from './libraries-classic';
import { HOSTED_LIBRARIES } from './libraries-hosted';
import { FRAMEWORK_LIBRARIES } from './libraries-framework';
import { PUBSUB_LIBRARIES } from './libraries-pubsub';
import { RPC_LIBRARIES } from './libraries-rpc';

export { ECHOES_PER_OPEN, type Library, type LibraryConfig } from './library-types';

export const LIBRARIES: Record<LibraryId, Library> = {
  ...CLASSIC_LIBRARIES,
  ...HOSTED_LIBRARIES,
  ...FRAMEWORK_LIBRARIES,
  ...PUBSUB_LIBRARIES,
  ...RPC_LIBRARIES,
};
