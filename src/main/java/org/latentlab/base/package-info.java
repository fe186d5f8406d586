/**
 * Shared foundation: settings, clock, languages and translations, the signed-in user, security.
 * Every feature may use what is public here; base itself depends on no feature.
 */
package org.latentlab.base;
