/** Small helpers shared by every other package of fairreg. */
package org.fairreg.util;
