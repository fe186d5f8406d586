package org.latentlab.ml;

/** The image data sets shipped in the jar (see {@code latentlab/data/DATA-LICENSES.md}). */
public enum DatasetName {
    MNIST("mnist-digits.bin.gz"),
    FASHION_MNIST("fashion-mnist-10k.bin.gz");

    private final String resource;

    DatasetName(String resource) {
        this.resource = resource;
    }

    String resource() {
        return "latentlab/data/" + resource;
    }
}
