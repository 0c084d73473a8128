/**
 * The soak test behind {@code bin/soak}: a real {@code mcollectived} process is sent a stream of mutated and hostile
 * requests straight over STOMP while {@code mco ping} keeps checking that it still answers, and its memory, threads
 * and counters are sampled (figures in {@code docs/hardening.md}).
 */
package mcollective.soak;
