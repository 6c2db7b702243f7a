// Every extension-host test file, imported after mocha's globals exist.
import './activation.test';
import './credentials.test';
import './environments.test';
// Before the suites whose History the reloaded session checks: its last test runs Forget Everything.
import './traces.test';
import './copyAsCode.test';
import './clientCertificate.test';
import './banks.test';
import './consents.test';
import './sca.test';
import './bounds.test';
import './requestFiles.test';
import './languageModelTools.test';
// Last: the reloaded session checks that History kept every request this suite sent, and History keeps the
// newest 200 entries, so no later suite (the Postman import alone sends 37) may push them out.
import './requests.test';
