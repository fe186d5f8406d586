/**
 * The app shell every feature's views live in: layout, navigation, language switch, error views, shared components.
 * Features may use the components here (a named interface), not the other way round.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.latentlab.base.ui;
