/** GitSync: takes the hub's desired state from Git and applies it (issue 7). */
package io.ocmj.gitops;
