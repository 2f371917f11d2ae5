export * from './live-room';
export type * from './live-room-contract';
export * from './room-state';
export { type SponsorSegmentReport, sponsorReportCsv } from './sponsor/sponsor-report';
