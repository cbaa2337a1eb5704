/** The Data page: stored series with their quality report, CSV upload with its line-by-line problems, delete. */
package io.tradepilot.marketdata.ui;
