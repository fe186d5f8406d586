/**
 * Machine learning: the DJL engine (PyTorch), data sets, model blocks, checkpoints and the codec API
 * (encode / decode / reconstruct) that the Lab, the Playground and the Challenges use.
 */
package org.latentlab.ml;
