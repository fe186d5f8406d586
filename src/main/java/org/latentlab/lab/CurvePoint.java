package org.latentlab.lab;

/**
 * One point of a run's loss curve: a batch loss ({@link Kind#BATCH}, every few batches) or an epoch's training and
 * validation loss ({@link Kind#EPOCH}). {@code seq} numbers a run's points from 0, so a view that loaded the
 * stored curve and then hears live points can tell which it already has.
 */
public record CurvePoint(int seq, Kind kind, int epoch, int batch, int batches, double trainLoss,
        Double validationLoss) {

    public enum Kind {
        BATCH('B'), EPOCH('E');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        char code() {
            return code;
        }

        static Kind of(String code) {
            return "E".equals(code) ? EPOCH : BATCH;
        }
    }

    /** Where the point lies on the x axis, in epochs (2.5 is half-way through the third epoch). */
    public double position() {
        return kind == Kind.EPOCH ? epoch : epoch - 1 + (double) batch / batches;
    }
}
