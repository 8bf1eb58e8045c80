/** The agent on each managed cluster: registration, work and policy agents (issues 4, 5, 8). */
package io.ocmj.klusterlet;
