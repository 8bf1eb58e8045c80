/**
 * Go formatting primitives (strconv quoting and float formatting) shared by the Go text/template
 * interpreter and the Go-OPA Rego builtins, so both render values exactly as Go does.
 */
package io.ocmj.policy.gofmt;
