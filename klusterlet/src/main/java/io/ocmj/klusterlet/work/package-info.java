/**
 * The work agent: applies the ManifestWorks of its cluster namespace on the hub to the managed
 * cluster, records what it applied in AppliedManifestWorks and reports status back.
 */
package io.ocmj.klusterlet.work;
