/**
 * Batch drafting jobs: a job file names a user and a list of products to draft; jobs are queued in H2, run by a
 * bounded worker pool as the user (never higher), resumable after a crash, idempotent on re-submission, and may run
 * on a cron schedule.
 */
package io.sextant.appliance.jobs;
