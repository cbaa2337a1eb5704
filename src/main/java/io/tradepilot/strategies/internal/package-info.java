/**
 * The stored versions (jOOQ), the validators and codecs (the command line's strategy validator, the limits record
 * read and written by reflection), diffs, audit, and the bridge to the engine host.
 */
package io.tradepilot.strategies.internal;
