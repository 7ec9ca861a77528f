import type { Migration } from 'kysely';
import * as foundation from './001_foundation.js';
import * as routingAndPromises from './002_routing_and_promises.js';
import * as security from './003_security.js';
import * as outbox from './004_outbox.js';
import * as publicAccess from './005_public_access.js';
import * as backOffice from './006_back_office.js';
import * as textSearch from './007_text_search.js';
import * as promiseWatchIndexes from './008_promise_watch_indexes.js';
import * as openQueue from './009_open_queue.js';
import * as queueViews from './010_queue_views.js';
import * as openAssignee from './011_open_assignee.js';
import * as textIndexPerBatch from './012_text_index_per_batch.js';
import * as queueCovering from './013_queue_covering.js';
import * as reportCustomerName from './014_report_customer_name.js';
import * as queueSearchCovering from './015_queue_search_covering.js';
import * as reportCustomerNameOnInsert from './016_report_customer_name_on_insert.js';
import * as queueTypeTrack from './017_queue_type_track.js';
import * as queueTypeTrackCreated from './018_queue_type_track_created.js';
import * as promiseZones from './019_promise_zones.js';

/**
 * Migrations are numbered and forward-only; the list is in code (not read from a folder) so
 * the compiled server carries them. Every one runs on SQLite and PostgreSQL in CI.
 */
export const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_routing_and_promises': routingAndPromises,
  '003_security': security,
  '004_outbox': outbox,
  '005_public_access': publicAccess,
  '006_back_office': backOffice,
  '007_text_search': textSearch,
  '008_promise_watch_indexes': promiseWatchIndexes,
  '009_open_queue': openQueue,
  '010_queue_views': queueViews,
  '011_open_assignee': openAssignee,
  '012_text_index_per_batch': textIndexPerBatch,
  '013_queue_covering': queueCovering,
  '014_report_customer_name': reportCustomerName,
  '015_queue_search_covering': queueSearchCovering,
  '016_report_customer_name_on_insert': reportCustomerNameOnInsert,
  '017_queue_type_track': queueTypeTrack,
  '018_queue_type_track_created': queueTypeTrackCreated,
  '019_promise_zones': promiseZones,
};
