/**
 * MAIN-world hook, injected at document_start in every frame before any page
 * script. Built as a standalone IIFE (the *.iife.ts name makes crxjs do that):
 * crxjs's default loader import()s the script, which runs too late to catch a
 * socket opened by the page's first inline script.
 *
 * It records raw facts only and posts them over a private MessagePort that it
 * hands to the relay once; the page never sees that port. No polyfill, no
 * imports with side effects, no globals left behind.
 */
import { installHook } from './hook/install';

installHook(window);
