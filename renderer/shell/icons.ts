/**
 * The icon and emoji manifest: every picture the shell shows, bundled from npm packages
 * (licences in assets/LICENSES.md). Nothing is fetched at run time.
 */
import arrowLeft from 'lucide-static/icons/arrow-left.svg?raw';
import languages from 'lucide-static/icons/languages.svg?raw';
import lifeBuoy from 'lucide-static/icons/life-buoy.svg?raw';
import phone from 'lucide-static/icons/phone.svg?raw';
import x from 'lucide-static/icons/x.svg?raw';
import logOut from 'lucide-static/icons/log-out.svg?raw';
import handshake from '@twemoji/svg/1f91d.svg?url';
import pointUp from '@twemoji/svg/1f446.svg?url';
import shield from '@twemoji/svg/1f6e1.svg?url';
import sos from '@twemoji/svg/1f198.svg?url';
import police from '@twemoji/svg/1f46e.svg?url';
import child from '@twemoji/svg/1f9d2.svg?url';
import hourglass from '@twemoji/svg/23f3.svg?url';
import warning from '@twemoji/svg/26a0.svg?url';
import heart from '@twemoji/svg/1f49b.svg?url';

export const ICONS = { arrowLeft, languages, lifeBuoy, phone, x, logOut } as const;
export const EMOJI = { handshake, pointUp, shield, sos, police, child, hourglass, warning, heart } as const;
