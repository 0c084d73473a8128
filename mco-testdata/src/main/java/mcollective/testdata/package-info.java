/** The reference data the tests compare against, located in one place. */
package mcollective.testdata;
