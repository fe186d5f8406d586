/**
 * Training runs: the bounded queue every training goes through (one run at a time by default on a 2-core machine),
 * queue positions, per-user limits, cancellation, and progress events for any number of listeners.
 */
package org.latentlab.training;
