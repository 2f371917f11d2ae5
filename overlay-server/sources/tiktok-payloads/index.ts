export { PayloadError } from './fields';
export {
  MAPPED_CONNECTOR_EVENTS,
  mapConnectorEvent,
  type PayloadMapping,
  type PayloadMappingOptions,
} from './map-payload';
export {
  createPayloadMapper,
  type PayloadMapper,
  type PayloadMappingStats,
} from './payload-mapper';
