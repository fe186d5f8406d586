package org.latentlab.ml;

/** The image data sets shipped in the jar (see {@code latentlab/data/DATA-LICENSES.md}). */
public enum DatasetName {
    MNIST("mnist-digits.bin.gz", "MNIST handwritten digits"),
    FASHION_MNIST("fashion-mnist-10k.bin.gz", "Fashion-MNIST clothes");

    private final String resource;
    private final String title;

    DatasetName(String resource, String title) {
        this.resource = resource;
        this.title = title;
    }

    String resource() {
        return "latentlab/data/" + resource;
    }

    public String title() {
        return title;
    }
}
