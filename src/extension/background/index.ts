/**
 * Background service worker. Listeners are registered synchronously at the top level, as MV3
 * requires, so an event that wakes the worker is never missed.
 */
import { browser } from '../browser';
import { readState } from '../storage';

browser.runtime.onInstalled.addListener(() => {
  // Validate and repair what an earlier version stored before any page reads it.
  void readState();
});
