/** The Playground's views; the latent map component is shared with the Challenges. */
@org.springframework.modulith.NamedInterface("ui")
package org.latentlab.playground.ui;
