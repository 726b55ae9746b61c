// The engine through its public entry (the same adapter the engine's conformance test uses).
export { engineAdapter } from '@flowform/engine/cel-conformance';
