// Every extension-host test file, imported after mocha's globals exist.
import './activation.test';
import './credentials.test';
import './environments.test';
// Before the suites whose History the reloaded session checks: its last test runs Forget Everything.
import './traces.test';
import './requests.test';
import './copyAsCode.test';
import './clientCertificate.test';
import './banks.test';
import './consents.test';
import './sca.test';
import './bounds.test';
import './requestFiles.test';
import './languageModelTools.test';
