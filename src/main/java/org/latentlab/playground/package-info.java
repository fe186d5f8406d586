/** Playground: live views of a trained model's latent space. */
package org.latentlab.playground;
