/**
 * Vaadin pieces that several features' views share and that need the models, so they cannot live in {@code base.ui}
 * (base depends on no feature): a digit picture, the chooser of ten held-out digits, and the stand-in shown while
 * the engine warms up. It uses {@code ml}'s public API and {@code base}, and no feature; the lesson, the Playground,
 * the challenges and the music pages use it.
 */
package org.latentlab.widgets;
