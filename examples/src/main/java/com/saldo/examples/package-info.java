/** How to integrate with Saldo through the Java client. */
package com.saldo.examples;
