package org.latentlab.playground.ui;

import java.io.Serializable;

/**
 * Charges the decodes a view is about to ask for (a grid's n x n, a path's steps) to the viewer's allowance, or
 * refuses with {@link org.latentlab.base.TooManyRequestsException}, which the view shows like any refused input.
 */
@FunctionalInterface
interface DecodeBudget extends Serializable {

    void charge(long decodes);
}
