/** The words around a name in an interview that say it is a person's. Lower case. */

/** Words just before a name that say a person follows: roles, relations, verbs of contact. */
export const PERSON_BEFORE = new Set([
  'mentor', 'mentee', 'manager', 'colleague', 'boss', 'supervisor', 'coach', 'named', 'called', 'buddy',
  'friend', 'sister', 'brother', 'wife', 'husband', 'partner', 'mum', 'mom', 'dad', 'mother', 'father', 'son',
  'daughter', 'cousin', 'aunt', 'uncle', 'teacher', 'tutor', 'director', 'lead', 'champion', 'sponsor',
  'counsellor', 'counselor', 'advisor', 'adviser', 'trainer', 'facilitator', 'peer', 'flatmate', 'roommate',
  'grandma', 'grandmother', 'grandad', 'grandfather', 'niece', 'nephew', 'girlfriend', 'boyfriend', 'line',
  'thanks', 'thank', 'ask', 'asked', 'told', 'emailed', 'met', 'meet', 'messaged', 'texted', 'call', 'called',
]);
/** Verbs just after a name that only a person does. */
export const PERSON_AFTER = new Set([
  'said', 'says', 'told', 'tells', 'asked', 'asks', 'explained', 'suggested', 'helped', 'helps', 'introduced',
  'recommended', 'mentioned', 'replied', 'agreed', 'encouraged', 'showed', 'taught', 'thinks', 'thought',
  'feels', 'felt', 'wants', 'wanted', 'emailed', 'texted', 'messaged', 'invited', 'reckons', 'reckoned',
  'pushed', 'supported', 'noticed', 'admitted', 'laughed', 'smiled', 'insisted', 'argued', 'promised',
  'offered', 'shared', 'spoke', 'listened', 'joined', 'left', 'retired', 'moved', 'got', 'went', 'came',
]);
/** Words after a name that fit a person but also other things. */
export const WEAK_PERSON_AFTER = new Set(['is', 'was', 'has', 'had', 'and', 'who', 'would', 'will', 'could', 'did', 'does']);
