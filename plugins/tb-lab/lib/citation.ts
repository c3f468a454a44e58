/**
 * The guide every rule of this plugin follows, cited where each rule lives:
 * M. A. Aziz et al., *External Quality Assessment for AFB Smear Microscopy*, Association
 * of Public Health Laboratories, CDC, IUATLD, KNCV, RIT and WHO, Washington DC, 2002
 * (called "the WHO/IUATLD EQA guide" or "EQA 2002" in this plugin).
 */
export const EQA_GUIDE = 'WHO/IUATLD, External Quality Assessment for AFB Smear Microscopy (2002)';
