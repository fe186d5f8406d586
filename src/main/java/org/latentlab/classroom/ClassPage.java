package org.latentlab.classroom;

/**
 * A page of another feature about a teacher's classes (lesson progress, quiz results) that the class page links to.
 * The features provide them as Spring beans: they depend on classroom, so classroom cannot name their routes.
 */
public interface ClassPage {

    /** Message key of the link's text. */
    String titleKey();

    /** Where the page is. */
    String location();

    /** Lower comes first. */
    int order();
}
