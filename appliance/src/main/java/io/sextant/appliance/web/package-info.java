/**
 * The web UI's foundation: the page model every view gets (classification banner, signed-in user and clearance,
 * CSRF token), the home page and the administration of accounts. Views live in {@code views/}, text in
 * {@code i18n/messages.properties}; every asset comes from the jar.
 */
package io.sextant.appliance.web;
