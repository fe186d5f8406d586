package org.latentlab.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@link ApplicationTest} whose tests share the rows they make (e.g. a world built once in {@code @BeforeAll}):
 * {@link CleanStart} then only signs out before each test and leaves the database as it is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface KeepsDatabase {
}
