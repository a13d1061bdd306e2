/** Administration beyond accounts: models, system status, the audit viewer, API docs and client-certificate login. */
package io.sextant.appliance.admin;
