/**
 * The backtests' implementation: the service (validation, authorization, audit), the jOOQ store, the Quartz
 * scheduler and job that claim runs fairly and execute them, the independent single-symbol runner, the synthetic
 * and CSV data source, and the beans.
 */
package io.tradepilot.backtests.internal;
