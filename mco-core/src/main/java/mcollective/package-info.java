/** Root of the Java port of MCollective 2.12.5: the exception tree and version. */
package mcollective;
