/** The reconnect check's public API: the engine, its scenarios, and the report's shapes. */
export { runAudit } from './engine';
export { problemCount } from './rows';
export { DEFAULT_SCENARIOS, parseScenario, parseScenarios, type Scenario, type ParsedScenarios } from './scenarios';
export * from './types';
