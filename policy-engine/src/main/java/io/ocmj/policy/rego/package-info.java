/**
 * Pure-Java implementations of the Rego host builtins that OPA-compiled Wasm modules import
 * (sprintf, strings.any_prefix_match, units.parse_bytes, ...), producing exactly the strings and
 * numbers Go OPA produces; {@link io.ocmj.policy.rego.RegoBuiltins} maps builtin names to them.
 */
package io.ocmj.policy.rego;
