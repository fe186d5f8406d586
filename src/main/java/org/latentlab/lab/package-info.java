/**
 * The Lab: the experiments students train, admission and the bounded queue every training goes through, training
 * jobs on JobRunr workers, stored runs (curve, samples, checkpoints) with resume and cancel, and assignment hand-ins.
 * One name for one concept: this package, the route {@code /lab}, {@code frontend/lab} and the menu's "Lab" (until
 * December 2026 the package was {@code training}; {@code db.migration.V17__lab_package} moves queued jobs along).
 */
package org.latentlab.lab;
