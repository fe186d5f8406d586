/** Challenges: image and music generation challenges, server-side scoring, live leaderboards. */
package org.latentlab.challenge;
