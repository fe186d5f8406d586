/** Shared pieces of UI for digits and model outputs, used by the lesson widgets and the Playground. */
@org.springframework.modulith.NamedInterface("ui")
package org.latentlab.ml.ui;
