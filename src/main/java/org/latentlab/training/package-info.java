/** Training: the Lab's runs, the bounded training queue, live progress and run history. */
package org.latentlab.training;
