package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

class ChannelsLastTest {

    @Test
    void aOneChannelBatchKeepsItsShapeAndEveryValueAndTheNetworkAnswersAlike() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray images = manager.randomUniform(0, 1, new Shape(3, 1, 28, 28));
            NDArray channelsLast = ChannelsLast.of(images);
            assertThat(channelsLast.getShape()).isEqualTo(images.getShape());
            assertThat(channelsLast.toFloatArray()).containsExactly(images.toFloatArray());
            assertThat(channelsLast.get(1, 0, 5, 7).getFloat()).isEqualTo(images.get(1, 0, 5, 7).getFloat());

            Block network = Networks.convAutoencoder();
            network.initialize(manager, DataType.FLOAT32, images.getShape());
            ParameterStore store = new ParameterStore(manager, false);
            float[] plain = network.forward(store, new NDList(images), false).singletonOrThrow().toFloatArray();
            float[] fast = network.forward(store, new NDList(channelsLast), false).singletonOrThrow().toFloatArray();
            assertThat(fast).hasSameSizeAs(plain);
            for (int i = 0; i < plain.length; i++) {
                assertThat(fast[i]).isCloseTo(plain[i], offset(1e-5f));
            }
        }
    }

    @Test
    void otherShapesAreLeftAsTheyAre() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray codes = manager.zeros(new Shape(4, 8, 4, 4));
            NDArray flat = manager.zeros(new Shape(4, 784));
            assertThat(ChannelsLast.of(codes)).isSameAs(codes);
            assertThat(ChannelsLast.of(flat)).isSameAs(flat);
        }
    }
}
