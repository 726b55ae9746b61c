// The one host global the core uses beyond ECMAScript: present in every browser and in Node ≥ 17.
// Declared here because the engine compiles without DOM or Node types (it may use neither).
declare function structuredClone<T>(value: T): T;
