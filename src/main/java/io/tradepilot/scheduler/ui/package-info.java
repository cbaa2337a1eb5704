/** The Jobs page: scheduled jobs, their runs and misfires, the latest scan's setups and the tracker's findings. */
package io.tradepilot.scheduler.ui;
